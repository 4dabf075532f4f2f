package io.vigil.notification.domain;

import io.vigil.events.notifications.Channel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelChoiceTest {
    static Contact contact(String email, String slack, String webhook) {
        return new Contact("p", "P", email, slack, webhook, "UTC");
    }

    @Test
    void shouldReachAPersonOnEveryChannelTheyHave() {
        assertThat(ChannelChoice.of(contact("p@vigil.local", "https://hooks.slack.example/T/B/x", "http://127.0.0.1:9/hook"), false))
                .containsExactly(Map.entry(Channel.EMAIL, "p@vigil.local"), Map.entry(Channel.SLACK, "https://hooks.slack.example/T/B/x"),
                        Map.entry(Channel.WEBHOOK, "http://127.0.0.1:9/hook"));
    }

    @Test
    void shouldUseASlackHandleOnlyWhenASharedSlackWebhookCanMentionIt() {
        assertThat(ChannelChoice.of(contact("p@vigil.local", "U024BE7LH", null), false)).containsOnlyKeys(Channel.EMAIL);
        assertThat(ChannelChoice.of(contact("p@vigil.local", "U024BE7LH", null), true))
                .containsEntry(Channel.SLACK, "U024BE7LH");
        assertThat(ChannelChoice.of(contact("p@vigil.local", "  ", " "), true)).containsOnlyKeys(Channel.EMAIL);
    }
}
