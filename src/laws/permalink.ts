/** @module Permalinks of articles and laws: /laws/<law_key>/<article label>, ?version= for old versions. */

interface VersionRef {
  law_key: string;
  version_date: string | null;
  is_current: number;
}

const versionQuery = (v: VersionRef) =>
  v.is_current === 1 || !v.version_date ? '' : `?version=${v.version_date}`;

export function lawPermalink(v: VersionRef): string {
  return `/laws/${encodeURIComponent(v.law_key)}${versionQuery(v)}`;
}

export function articlePermalink(v: VersionRef, label: string): string {
  return `/laws/${encodeURIComponent(v.law_key)}/${encodeURIComponent(label)}${versionQuery(v)}`;
}
