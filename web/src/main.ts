/**
 * @module Front-end entry: modes from the address (kiosk, idle), the router, and Vue. Vant components are
 * imported one by one where they are used; the full Vant stylesheet is fetched after the first paint so
 * pages that still rely on it keep their look without slowing the home page.
 */
import { createApp } from 'vue';
import { Icon } from 'vant';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { readModesFromUrl } from './composables/modes';

readModesFromUrl(window.location.search);
createApp(App).use(router).component('van-icon', Icon).mount('#app');
window.addEventListener('load', () => void import('vant/lib/index.css'), { once: true });
