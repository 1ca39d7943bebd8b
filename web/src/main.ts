/** @module Front-end entry: Vue app with the router and the Vant components used across pages. */
import { createApp } from 'vue';
import { Icon } from 'vant';
import 'vant/lib/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';

createApp(App).use(router).component('van-icon', Icon).mount('#app');
