package io.vigil.notification.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notification as a Slack incoming-webhook payload in Block Kit: {@code text} (the subject, shown in
 * notifications and where blocks cannot be), a {@code header} block with the subject, a {@code section} in mrkdwn
 * with the message's lines (mentioning the member when the message goes to a shared channel) and a {@code context}
 * block naming the notification. Slack's limits are kept: a header holds 150 characters, a section 3,000.
 */
public final class SlackMessage {
    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;

    private SlackMessage() {
    }

    /** @param mention the Slack member id to mention, or null when the webhook is the person's own */
    public static Map<String, Object> of(OutgoingMessage m, String mention) {
        String text = m.body().strip();
        int firstBreak = text.indexOf('\n');
        String details = firstBreak < 0 ? "" : text.substring(firstBreak + 1).strip();
        String section = (mention == null ? "" : "<@" + escape(mention) + ">\n") + escape(details);
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", plain(cut(m.subject(), HEADER_MAX))));
        if (!section.isBlank()) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(section, SECTION_MAX))));
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", escape("Vigil " + m.template() + " · notification " + m.notificationId())))));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", (mention == null ? "" : "<@" + escape(mention) + "> ") + escape(m.subject()));
        payload.put("blocks", blocks);
        return payload;
    }

    /** Slack's control characters in text: {@code &}, {@code <}, {@code >}. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", true);
    }

    private static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
