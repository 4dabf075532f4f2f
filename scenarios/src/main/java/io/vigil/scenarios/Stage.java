package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a scenario plays with: the running system's addresses, tokens, the clocks, the mailbox, a webhook
 * receiver standing in for people's endpoints, a CI system on Kafka, and the narrator.
 */
public final class Stage implements AutoCloseable {
    public final VigilSystem system;
    public final Tokens tokens;
    public final Clocks clocks;
    public final Mailbox mail;
    public final WebhookInbox webhooks;
    public final CiSystem ci;
    public final Narrator narrator;
    public static final String CI_ACCOUNT = "ci-publisher";
    static final String CI_SECRET = "ci-publisher-secret";
    private final List<Runnable> restore = new ArrayList<>();

    public Stage(VigilSystem system, Narrator narrator) {
        this.system = system;
        this.tokens = new Tokens(system.keycloakRealm());
        this.clocks = new Clocks(system, tokens);
        this.mail = new Mailbox(system.smtpApi());
        this.webhooks = new WebhookInbox();
        this.ci = new CiSystem(system.kafka());
        this.narrator = narrator;
    }

    /** A call as a dev user ({@code null}: without a token; {@code "ci-publisher"}: the CI service account). */
    public Http.Answer call(URI service, String user, String method, String path, Object body) {
        String token = user == null ? null
                : CI_ACCOUNT.equals(user) ? tokens.ofClient(CI_ACCOUNT, CI_SECRET) : tokens.of(user);
        return Http.send(method, service.resolve(path), token, body);
    }

    /**
     * Points the people's webhook at this stage's receiver (PUT /people, as admin); closing the stage gives them
     * back the description they had, so a finished scenario leaves no dead endpoint in the directory.
     */
    public void reachByWebhook(String... usernames) {
        for (String username : usernames) {
            JsonNode person =
                    call(system.ownership(), "admin", "GET", "/people/" + username, null).expect(200);
            ObjectNode changed = describe(person);
            changed.put("webhookUrl", webhooks.urlOf(username).toString());
            call(system.ownership(), "admin", "PUT", "/people/" + username, changed).expect(200);
            restore.add(() -> call(system.ownership(), "admin", "PUT", "/people/" + username, describe(person)));
        }
        for (String username : usernames) {
            // the directory learns the address from vigil.roster: a test message that arrives proves it has
            long[] lastAsked = {0};
            Await.until("notification-service to know " + username + "'s webhook", () -> {
                if (System.nanoTime() - lastAsked[0] > 3_000_000_000L) {
                    call(system.notification(), username, "POST", "/notifications/test", null);
                    lastAsked[0] = System.nanoTime();
                }
                return webhooks.to(username).stream().filter(d -> d.template().equals("test")).findFirst();
            });
        }
    }

    private static ObjectNode describe(JsonNode person) {
        ObjectNode body = Http.JSON.createObjectNode();
        for (String field : List.of("name", "email", "slack", "webhookUrl", "timeZone")) {
            if (person.hasNonNull(field)) {
                body.put(field, person.get(field).asText());
            }
        }
        body.set("roles", person.path("roles"));
        return body;
    }

    /** A unique suffix for this run's names, so scenarios can run again on the same system. */
    public static String run() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    @Override
    public void close() {
        for (Runnable undo : restore.reversed()) {
            try {
                undo.run();
            } catch (RuntimeException e) {
                System.err.println("could not restore a person's description: " + e.getMessage());
            }
        }
        webhooks.close();
        ci.close();
    }
}
