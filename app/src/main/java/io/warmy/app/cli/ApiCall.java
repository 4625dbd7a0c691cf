package io.warmy.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls of the public REST API from the command line, with failures turned into one clear line. */
final class ApiCall {

    /** A call that did not succeed; its message is the line the command prints. */
    static final class Failure extends Exception {
        private final int status;
        private final String detail;

        Failure(String message) {
            this(message, 0, "");
        }

        Failure(String message, int status, String detail) {
            super(message, null, false, false);
            this.status = status;
            this.detail = detail;
        }

        /** The HTTP status of the refusal, 0 when there was no answer. */
        int status() {
            return status;
        }

        String detail() {
            return detail;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiCall(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    JsonNode post(String path, JsonNode body) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode get(String path) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode delete(String path) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) throws Failure {
        try {
            return URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw new Failure("'" + baseUrl + "' is not a URL.");
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> answer;
        try {
            answer = http.send(request.header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Failure("cannot reach " + baseUrl + " (connection refused) — is `./warmy serve` running?");
        } catch (IOException e) {
            throw new Failure("cannot reach " + baseUrl + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted.");
        }
        JsonNode body;
        try {
            body = answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new Failure(baseUrl + " answered " + answer.statusCode() + " with something that is not JSON: is it Warmy?");
        }
        if (answer.statusCode() >= 300) {
            String detail = body.path("detail").asText("");
            String code = body.path("code").asText("");
            throw new Failure(switch (answer.statusCode()) {
                case 401 -> "the API key was refused (401 " + code + "): " + detail;
                case 403 -> "not allowed (403 " + code + "): " + detail;
                default -> "the server refused the request (" + answer.statusCode() + " " + code + "): " + detail;
            }, answer.statusCode(), detail);
        }
        return body;
    }
}
