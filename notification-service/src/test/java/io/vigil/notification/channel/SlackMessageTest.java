package io.vigil.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.notifications.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackMessageTest {
    final ObjectMapper json = new ObjectMapper();
    final OutgoingMessage page = new OutgoingMessage("n-1", Channel.SLACK, "https://hooks.example/T/B/x", "oncall-1",
            "escalation-page", "🚨 PAGE: P1 incident on ingestion <checkout>",
            "🚨 PAGE: P1 incident on ingestion <checkout>\nTime: 10:00 CET\nAcknowledge & resolve: now\n", "e-1",
            "vigil.incident.escalated.v1", "inc-1");

    @Test
    void shouldLayOutAHeaderTheLinesAndTheNotificationAsBlockKit() throws Exception {
        JsonNode body = json.valueToTree(SlackMessage.of(page, null));
        assertThat(body.get("text").asText()).isEqualTo("🚨 PAGE: P1 incident on ingestion &lt;checkout&gt;");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("🚨 PAGE: P1 incident on ingestion <checkout>");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(1).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).get("text").get("text").asText()).isEqualTo("Time: 10:00 CET\nAcknowledge &amp; resolve: now");
        assertThat(blocks.get(2).get("type").asText()).isEqualTo("context");
        assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).isEqualTo("Vigil escalation-page · notification n-1");
    }

    @Test
    void shouldMentionTheMemberInASharedChannel() {
        JsonNode body = json.valueToTree(SlackMessage.of(page, "U024BE7LH"));
        assertThat(body.get("text").asText()).startsWith("<@U024BE7LH> ");
        assertThat(body.get("blocks").get(1).get("text").get("text").asText()).startsWith("<@U024BE7LH>\nTime: 10:00 CET");
    }

    @Test
    void shouldKeepToSlacksBlockLimits() {
        String longSubject = "x".repeat(200);
        OutgoingMessage big = new OutgoingMessage("n-2", Channel.SLACK, "https://h", "p", "test", longSubject,
                longSubject + "\n" + "y".repeat(5000), "e", "t", null);
        JsonNode blocks = json.valueToTree(SlackMessage.of(big, null)).get("blocks");
        assertThat(blocks.get(0).get("text").get("text").asText()).hasSize(SlackMessage.HEADER_MAX);
        assertThat(blocks.get(1).get("text").get("text").asText()).hasSize(SlackMessage.SECTION_MAX);
    }
}
