package io.warmy.app.cli;

import picocli.CommandLine.Option;

/** The options of every command that is a client of a running server's public API. */
final class ApiOptions {

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:WARMY_API_KEY}",
            description = "The API key to call with (default: $WARMY_API_KEY).")
    String apiKey;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "${env:WARMY_API_URL:-http://localhost:8080}",
            description = "The server (default: $WARMY_API_URL or ${DEFAULT-VALUE}).")
    String apiUrl;

    /** Whether a key was given; if not, says how to give one. */
    boolean hasKey() {
        if (apiKey == null || apiKey.isBlank()) {
            System.err.println("warmy: no API key: pass --api-key or set WARMY_API_KEY.");
            return false;
        }
        return true;
    }

    ApiCall call() {
        return new ApiCall(apiUrl, apiKey);
    }
}
