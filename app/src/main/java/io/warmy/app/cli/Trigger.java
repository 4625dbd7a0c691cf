package io.warmy.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code warmy trigger TYPE}: makes a sandbox event of any type through the public API
 * ({@code POST /api/v1/sandbox/events}), with the fields given as {@code --data key=value} and the
 * rest filled in by the server, and prints it.
 */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Fire a sandbox event of any type (a sandbox key is needed), delivered to the sandbox's webhooks.",
        footer = {"", "Examples:", "  warmy trigger email.bounced --api-key wk_test_… --data bounceType=hard",
                "  warmy trigger reply.received --data subject='Re: pricing' --data campaignId=c42", "",
                "Exit codes: 0 the event was made (or was already made: a dedup rule applied), 1 the server refused or"
                        + " could not be reached, 2 usage error."})
public final class Trigger implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "TYPE", description = "The event type, e.g. email.bounced, reply.received, webhook.test.")
    String type;

    @Option(names = "--data", paramLabel = "KEY=VALUE",
            description = "A field of the event's data; repeat it. Values that read as JSON (numbers, true, false, null,"
                    + " objects) are taken as such, anything else as text. Dotted keys nest: limit.value=3.")
    List<String> data = List.of();

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() throws ApiCall.Failure {
        if (!api.hasKey()) {
            return 2;
        }
        ObjectNode body = JSON.createObjectNode().put("type", type);
        ObjectNode fields = body.putObject("data");
        for (String pair : data) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                System.err.println("warmy: --data takes KEY=VALUE, not '" + pair + "'.");
                return 2;
            }
            put(fields, pair.substring(0, eq), pair.substring(eq + 1));
        }
        JsonNode event = api.call().post("/api/v1/sandbox/events", body);
        PrintStream out = System.out;
        out.println((event.path("duplicate").asBoolean() ? "Already made (a dedup rule applied): " : "Made ")
                + event.path("type").asText() + " " + event.path("id").asText() + " at " + event.path("timestamp").asText());
        out.println(event.path("data").toPrettyString());
        return 0;
    }

    private static void put(ObjectNode into, String key, String raw) {
        int dot = key.indexOf('.');
        if (dot > 0) {
            JsonNode nested = into.get(key.substring(0, dot));
            ObjectNode child = nested instanceof ObjectNode o ? o : into.putObject(key.substring(0, dot));
            put(child, key.substring(dot + 1), raw);
            return;
        }
        try {
            JsonNode value = JSON.readTree(raw);
            into.set(key, value == null || value.isMissingNode() ? JSON.getNodeFactory().textNode(raw) : value);
        } catch (JsonProcessingException notJson) {
            into.put(key, raw);
        }
    }
}
