import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { siteUrl } from "@/lib/http/site-url";
import "./globals.css";

/**
 * Open Graph needs absolute addresses for a pasted link to preview well. They come from
 * SITE_URL only (in development, the address next dev is bound to), never from the
 * request's Host or X-Forwarded-Host headers: see lib/http/site-url.ts.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: siteUrl() ?? null,
    title: { default: "MSC Liver Trials Registry", template: "%s · MSC Liver Trials Registry" },
    description: "Mesenchymal stem cell trials in liver failure: exact doses, schedules and eligibility, side by side.",
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page, the 404 included, is rendered per request: the CSP nonce that proxy.ts
  // makes must reach its scripts (a page prerendered at build time would carry none).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="no-print sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3" aria-label="Main">
            <Link href="/trials" className="font-semibold text-slate-900 no-underline">
              MSC Liver Trials
            </Link>
            <Link href="/trials">Trials</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/landscape">Dose landscape</Link>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="no-print mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600">
          Data read from public registry records; values the source does not state are shown as “not reported”.
        </footer>
      </body>
    </html>
  );
}
