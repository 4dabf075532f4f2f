package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The mail the local SMTP server (GreenMail, make up) received, read over its REST API. */
public final class Mailbox {
    /** One message: its subject and the whole MIME text (headers included). */
    public record Mail(String to, String subject, String mime) {
        public boolean causedBy(String eventId) {
            return mime.contains("X-Vigil-Causation-Id: " + eventId);
        }
    }

    private final URI api;

    public Mailbox(URI api) {
        this.api = api;
    }

    /** Every message held for the address; none when GreenMail has not seen it yet. */
    public List<Mail> of(String address) {
        Http.Answer answer = Http.get(api, "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX", null);
        List<Mail> mails = new ArrayList<>();
        if (answer.status() == 200) {
            for (JsonNode m : answer.body()) {
                mails.add(new Mail(address, m.path("subject").asText(), m.path("mimeMessage").asText()));
            }
        }
        return mails;
    }
}
