// the sandbox frontend bundle: the Supabase project and key the app was built with
const supabase = createClient("https://sandboxproject000000.supabase.co", "sb_publishable_sandboxKey0000000000000000");
