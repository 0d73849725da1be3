import type { Page } from '@playwright/test';

/** Calls web mode's API from the page, with its session token, as the app does; throws on error. */
export function callApi<T>(page: Page, method: string, request: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, request }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-briefmark-token': sessionStorage.getItem('briefmark.token') ?? '',
        },
        body: JSON.stringify(request),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    },
    { method, request },
  ) as Promise<T>;
}

/** The id of the brief in the library whose title contains `titlePart`. */
export async function briefIdTitled(page: Page, titlePart: string): Promise<string> {
  const briefs = await callApi<{ id: string; title: string }[]>(page, 'briefs.list', {});
  const brief = briefs.find((candidate) => candidate.title.includes(titlePart));
  if (!brief) throw new Error(`no brief titled “…${titlePart}…” in the library`);
  return brief.id;
}
