package io.sentinel.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile and sloppy requests for the API, from a seeded {@link Random}: the same seed gives the same requests.
 * Every value a request supplies (query values, header values, form fields) carries the request's canary, so
 * a canary found in a response header means the request was reflected.
 */
final class FuzzedRequests {

    /** A request as bytes on the wire, and what the assertions need to know about it. */
    record FuzzedRequest(int index, String method, String target, List<RawHttp.Header> headers, byte[] body,
                         String canary, boolean rightTokenInHeader, String kind) {

        String head() {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1");
            headers.forEach(header -> head.append("\r\n").append(header.name()).append(": ").append(header.value()));
            return head.toString();
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** Operator actions: a 2xx here must have come with the token in the Authorization header. */
        boolean isOperatorAction() {
            String path = path();
            return (method.equals("POST") && (path.equals("/api/silences") || path.matches("/api/breakers/[^/]+/(force-open|close|reset)")))
                    || (method.equals("DELETE") && path.matches("/api/silences/[^/]+"));
        }

        String describe() {
            String shown = head();
            return "#" + index + " [" + kind + "] " + (shown.length() > 300 ? shown.substring(0, 300) + "…" : shown)
                    + (body.length == 0 ? "" : " + " + body.length + " body bytes");
        }
    }

    private static final List<String> PATHS = List.of("/", "/api/status", "/api/checks/{check}",
            "/api/checks/{check}/history", "/api/costs", "/api/incidents", "/api/incidents/{id}", "/api/breakers",
            "/api/breakers/{dependency}", "/api/breakers/{dependency}/force-open", "/api/breakers/{dependency}/close",
            "/api/breakers/{dependency}/reset", "/api/silences", "/api/silences/{id}", "/observe/health",
            "/observe/health/live", "/observe/metrics", "/api", "/api/", "/api/status/", "/api/nope/{id}",
            "//api//status", "/api/../api/status", "/favicon.ico", "/api/checks", "/api/breakers/{dependency}/{id}",
            "/api/report", "/api/incidents/{id}/report.md", "/api/report/{id}");

    private static final List<String> IDS = List.of("{check}", "{dependency}", "huntr", "null", "'hunter'", "\"x\"",
            "%zz", "%", "%2", "%41", "%2F", "%00", "..", "%2e%2e", "%C3%A9", "%FF", "UPPER", "a%20b", "{uuid}",
            "${header.id}", "#{x}", "*", ";jsessionid=1", "~", "true", "1", "-1", "{long}", "x%0d%0aSet-Cookie:%20y");

    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET",
            "POST", "POST", "POST", "POST", "DELETE", "DELETE", "HEAD", "PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "get");

    private static final List<String> QUERY_NAMES = List.of("limit", "limit", "reason", "Authorization",
            "access_token", "token", "Set-Cookie", "Location", "Access-Control-Allow-Origin", "Content-Type",
            "Cache-Control", "WWW-Authenticate", "Retry-After", "Allow", "Content-Length", "Transfer-Encoding",
            "CamelHttpResponseCode", "CamelHttpUri", "X-Frame-Options", "a%20b", "%zz", "", "x%0d%0aSet-Cookie:%20y",
            "%C3%A9t%C3%A9", "a:b", "a;b", "a,b", "=", "exposureLevel", "since", "state", "offset", "format");

    private static final List<String> QUERY_VALUES = List.of("", "%20", "%0d%0aX-Injected:%20{c}", "%zz", "%",
            "'", "%22", "%3Cscript%3E", "%00", "-1", "0", "1", "5", "1000", "1001", "99999999999999999999", "abc",
            "{long}", "Bearer%20{c}", "full", "24h", "open", "closed", "md", "2026-11-26T09:00:00Z", "P1D", "31d");

    private static final List<String> HEADER_NAMES = List.of("X-Canary", "Cookie", "Origin", "Set-Cookie", "Location",
            "Cache-Control", "WWW-Authenticate", "Allow", "Retry-After", "Access-Control-Allow-Origin",
            "CamelHttpResponseCode", "Content-Language", "X-Forwarded-Host", "X_Under", "X.Dot", "X-{c}", "Bad Name",
            "X-\u00e9", "limit", "reason", "Accept", "Accept-Encoding", "Expect-Nothing", "Connection-Info");

    private static final List<String> SILENCE_BODIES = List.of(
            "{\"dependency\": \"hunter\", \"duration\": \"1h\", \"reason\": \"{c}\"}",
            "{\"check\": \"hunter-account\", \"duration\": \"30m\", \"reason\": \"{c}\"}",
            "{\"severity\": \"high\", \"endsAt\": \"2999-01-01T00:00:00Z\", \"reason\": \"{c}\"}",
            "{\"dependency\": \"hunter\", \"duration\": \"99999999999d\", \"reason\": \"{c}\"}",
            "{\"dependency\": \"hunter\", \"duration\": \"9999999999999999999d\", \"reason\": \"{c}\"}",
            "{\"dependency\": \"hunter\", \"duration\": \"0s\", \"reason\": \"{c}\"}",
            "{\"dependency\": \"hunter\", \"duration\": \"31d\", \"reason\": \"{c}\"}",
            "{\"dependency\": \"hunter\", \"endsAt\": \"yesterday\", \"reason\": \"{c}\"}",
            "{\"dependency\": \"hunter\", \"endsAt\": \"+999999999-12-31T23:59:59Z\", \"reason\": \"{c}\"}",
            "{\"severity\": \"bogus\", \"duration\": \"1h\", \"reason\": \"{c}\"}",
            "{\"check\": \"null\", \"duration\": \"1h\", \"reason\": \"{c}\"}",
            "{\"dependency\": {\"nested\": true}, \"duration\": [1], \"reason\": 42}",
            "{\"dependency\": \"hunter\", \"duration\": \"1h\"}",
            "{\"reason\": \"{c}\"}", "{\"reason\": \"\"}", "{}", "[]", "null", "\"text\"", "42", "{", "{\"a\":",
            "\u0000\u0001\u0002", "{\"reason\": \"{c}\", \"reason\": \"twice\"}");

    private final Random random;
    private final String token;

    FuzzedRequests(long seed, String token) {
        this.random = new Random(seed);
        this.token = token;
    }

    FuzzedRequest next(int index) {
        String canary = "zqx" + index + "k";
        if (random.nextInt(100) < 12) {
            return operatorAction(index, canary);
        }
        String method = pick(METHODS);
        List<RawHttp.Header> headers = new ArrayList<>();
        String kind = "plain";

        String target = path(canary);
        if (random.nextInt(100) < 60) {
            target += "?" + query(canary);
        }
        int oversize = random.nextInt(100);
        if (oversize < 3) {
            target = "/api/checks/" + "a".repeat(4_100 + random.nextInt(4_000));
            kind = "long-uri";
        } else if (oversize < 6) {
            headers.add(new RawHttp.Header("X-Big", canary + "b".repeat(8_200 + random.nextInt(8_000))));
            kind = "big-header";
        } else if (oversize < 8) {
            for (int count = 0; count < 300; count++) {
                headers.add(new RawHttp.Header("X-Many-" + count, canary + "-" + "m".repeat(30)));
            }
            kind = "many-headers";
        }

        for (int count = random.nextInt(4); count > 0; count--) {
            String name = pick(HEADER_NAMES).replace("{c}", canary);
            headers.add(new RawHttp.Header(name, canary + pick(List.of("", " value", ";x=1", "\u00e9", ", second"))));
        }

        boolean rightTokenInHeader = false;
        int auth = random.nextInt(100);
        if (auth < 25) {
            headers.add(new RawHttp.Header("Authorization", (random.nextBoolean() ? "Bearer " : "bearer ") + token));
            rightTokenInHeader = true;
        } else if (auth < 35) {
            headers.add(new RawHttp.Header("Authorization", "Bearer " + canary));
        } else if (auth < 40) {
            headers.add(new RawHttp.Header("Authorization", "Basic " + canary));
        } else if (auth < 55) {
            target += (target.contains("?") ? "&" : "?") + pick(List.of("Authorization=Bearer%20", "access_token=",
                    "authorization=bearer+", "Authorization=")) + token;
            kind = kind.equals("plain") ? "token-in-query" : kind;
        }

        byte[] body = new byte[0];
        boolean wantsBody = method.equals("GET") || method.equals("HEAD") ? random.nextInt(100) < 10 : random.nextInt(100) < 85;
        if (wantsBody) {
            Body chosen = body(canary);
            body = chosen.bytes();
            if (chosen.contentType() != null) {
                headers.add(new RawHttp.Header("Content-Type", chosen.contentType()));
            }
            kind = kind.equals("plain") ? chosen.kind() : kind;
            if (chosen.kind().equals("form") && random.nextBoolean()) {
                body = ("Authorization=Bearer+" + token + "&reason=" + canary).getBytes(StandardCharsets.US_ASCII);
                kind = "token-in-form";
            }
        }
        if (body.length > 0 && random.nextInt(100) < 10) {
            body = chunked(body);
            headers.add(new RawHttp.Header("Transfer-Encoding", "chunked"));
        } else if (body.length > 0 || method.equals("POST") || random.nextInt(100) < 5) {
            headers.add(new RawHttp.Header("Content-Length", String.valueOf(body.length)));
        }
        return new FuzzedRequest(index, method, target, headers, body, canary, rightTokenInHeader, kind);
    }

    private record Body(byte[] bytes, String contentType, String kind) {
    }

    /**
     * A well-formed operator action, so that the token's place decides the answer: in the Authorization header
     * (the only place it counts), in the query, in the body, or absent.
     */
    private FuzzedRequest operatorAction(int index, String canary) {
        String method = "POST";
        String target;
        String body;
        int action = random.nextInt(3);
        if (action == 0) {
            target = "/api/silences";
            body = pick(SILENCE_BODIES.subList(0, 3)).replace("{c}", canary);
        } else if (action == 1) {
            target = "/api/breakers/hunter/" + pick(List.of("force-open", "close", "reset"));
            body = "{\"reason\": \"" + canary + "\"}";
        } else {
            method = "DELETE";
            target = "/api/silences/" + UUID.nameUUIDFromBytes(canary.getBytes(StandardCharsets.US_ASCII));
            body = "";
        }
        List<RawHttp.Header> headers = new ArrayList<>();
        boolean rightTokenInHeader = false;
        String kind;
        int place = random.nextInt(100);
        if (place < 40) {
            headers.add(new RawHttp.Header("Authorization", "Bearer " + token));
            rightTokenInHeader = true;
            kind = "action-token-in-header";
        } else if (place < 70) {
            target += "?" + pick(List.of("Authorization=Bearer%20", "authorization=Bearer+", "access_token=")) + token;
            kind = "action-token-in-query";
        } else if (place < 85) {
            body = body.isEmpty() ? "{\"Authorization\": \"Bearer " + token + "\"}"
                    : body.replaceFirst("\\{", "{\"Authorization\": \"Bearer " + token + "\", ");
            kind = "action-token-in-body";
        } else {
            headers.add(new RawHttp.Header("Authorization", pick(List.of("Bearer " + canary, "Basic " + token, token))));
            kind = "action-wrong-token";
        }
        byte[] bytes = text(body);
        if (bytes.length > 0) {
            headers.add(new RawHttp.Header("Content-Type", "application/json"));
        }
        headers.add(new RawHttp.Header("Content-Length", String.valueOf(bytes.length)));
        return new FuzzedRequest(index, method, target, headers, bytes, canary, rightTokenInHeader, kind);
    }

    private Body body(String canary) {
        int choice = random.nextInt(100);
        String json = "application/json";
        if (choice < 40) {
            return new Body(text(pick(SILENCE_BODIES).replace("{c}", canary)), pick(List.of(json, json, json,
                    "application/json; charset=UTF-8", "APPLICATION/JSON", "application/merge-patch+json")), "json");
        }
        if (choice < 50) {
            return new Body(text(pick(SILENCE_BODIES).replace("{c}", canary)), null, "json-untyped");
        }
        if (choice < 58) {
            return new Body(text("reason=" + canary + "&Set-Cookie=" + canary + "&a%20b=" + canary + "&%zz=1"),
                    "application/x-www-form-urlencoded", "form");
        }
        if (choice < 64) {
            String multipart = "--b\r\nContent-Disposition: form-data; name=\"a b\"\r\n\r\n" + canary
                    + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\n" + canary
                    + "\r\n--b--\r\n";
            return new Body(text(multipart), "multipart/form-data; boundary=b", "multipart");
        }
        if (choice < 70) {
            return new Body(text("{\"reason\": \"" + canary + "\"}"), pick(List.of("text/plain",
                    "application/json; charset=" + canary, "application/json; charset=UTF-16", "application/xml",
                    "application/json; charset=\"", ";;;", "json")), "odd-content-type");
        }
        if (choice < 76) {
            byte[] huge = new byte[65_537 + random.nextInt(150_000)];
            java.util.Arrays.fill(huge, (byte) 'a');
            return new Body(huge, json, "huge-body");
        }
        if (choice < 80) {
            return new Body(text("[".repeat(3_000) + "]".repeat(3_000)), json, "deep-json");
        }
        if (choice < 86) {
            byte[] noise = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(noise);
            return new Body(noise, pick(List.of(json, "application/octet-stream")), "binary");
        }
        return new Body(text("{\"reason\": \"" + canary + "\", \"padding\": \"" + "p".repeat(random.nextInt(60_000)) + "\"}"),
                json, "json");
    }

    private String path(String canary) {
        String path = pick(PATHS);
        while (path.contains("{")) {
            int open = path.indexOf('{');
            int close = path.indexOf('}', open);
            String placeholder = path.substring(open, close + 1);
            String id = random.nextInt(100) < 45 ? placeholder : pick(IDS);
            path = path.substring(0, open) + id(id, canary) + path.substring(close + 1);
        }
        return path;
    }

    private String id(String id, String canary) {
        return switch (id) {
            case "{check}" -> "hunter-account";
            case "{dependency}" -> "hunter";
            case "{id}", "{uuid}" -> UUID.nameUUIDFromBytes(canary.getBytes(StandardCharsets.US_ASCII)).toString();
            case "{long}" -> "x".repeat(300);
            default -> id;
        };
    }

    private String query(String canary) {
        List<String> parameters = new ArrayList<>();
        for (int count = 1 + random.nextInt(4); count > 0; count--) {
            String value = pick(QUERY_VALUES).replace("{long}", "v".repeat(500));
            parameters.add(pick(QUERY_NAMES) + "=" + canary + value.replace("{c}", canary));
        }
        return String.join("&", parameters);
    }

    /** The body in chunks of half its size, then the last, empty chunk. */
    private static byte[] chunked(byte[] body) {
        java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
        int half = Math.max(1, body.length / 2);
        for (int start = 0; start < body.length; start += half) {
            int length = Math.min(half, body.length - start);
            framed.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            framed.write(body, start, length);
            framed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return framed.toByteArray();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
