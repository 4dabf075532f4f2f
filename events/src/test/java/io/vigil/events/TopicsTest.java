package io.vigil.events;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void shouldListEveryTopicConstantExactlyOnceInTopicsTxt() {
        var constants = Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(TopicsTest::value)
                .toList();

        assertThat(Topics.ALL).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void shouldGiveEveryEventTypeATopicOfTheList() {
        assertThat(EventType.values()).allSatisfy(t -> assertThat(Topics.ALL).contains(t.topic()));
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
