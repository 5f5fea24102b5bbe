package io.sentinel.provider.anonkey;

/** A Vite-built single-page app's HTML and bundles, the way Vercel serves them, with the values a test picks. */
final class FrontendPages {

    private FrontendPages() {
    }

    /** An index.html loading one entry script and preloading a vendor chunk. */
    static String page(String entryScript, String vendorChunk) {
        return """
                <!doctype html>
                <html lang="en">
                  <head>
                    <meta charset="UTF-8" />
                    <title>ProspectPro</title>
                    <script async src="https://analytics.sentinel-test.invalid/tag.js?id=G-TEST"></script>
                    <script type="module" crossorigin src="%s"></script>
                    <link rel="modulepreload" crossorigin href="%s">
                    <link rel="stylesheet" crossorigin href="/assets/index-Bq3x9k.css">
                  </head>
                  <body><div id="root"></div></body>
                </html>
                """.formatted(entryScript, vendorChunk);
    }

    /** An entry bundle that creates the Supabase client the way supabase-js apps do. */
    static String bundleWithClient(String supabaseUrl, String anonKey) {
        return "import{c as Lt}from\"./vendor-Dk29xa.js\";"
                + "const Qe=\"" + supabaseUrl + "\",Xe=\"" + anonKey + "\";"
                + "const sb=Lt(Qe,Xe,{auth:{persistSession:!0}});"
                + "export{sb as s};";
    }

    /** A bundle with nothing Supabase in it. */
    static String vendorBundle() {
        return "var e=Object.defineProperty;function c(t,r,o){return{url:t,key:r,options:o}}export{c};";
    }

    /** An entry bundle that loads the client lazily from another chunk, as code splitting does. */
    static String entryImporting(String chunk) {
        return "const load=()=>__vitePreload(()=>import(\"" + chunk + "\"),__vite__mapDeps([0]));"
                + "load().then(m=>m.init());";
    }
}
