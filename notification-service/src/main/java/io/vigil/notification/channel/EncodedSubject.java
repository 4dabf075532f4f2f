package io.vigil.notification.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An e-mail subject as RFC 2047 encoded words when it is not plain ASCII. The mailer's own header encoding turns
 * characters outside the Basic Multilingual Plane (the seed's marker emoji) into "?", so the subject is encoded
 * here; words carry at most 45 bytes so each stays within the 75 characters RFC 2047 allows.
 */
public final class EncodedSubject {
    private static final int MAX_BYTES = 45;

    private EncodedSubject() {
    }

    public static String of(String subject) {
        if (subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return subject;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < subject.length(); ) {
            int cp = subject.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(ch);
            bytes += size;
            i += Character.charCount(cp);
        }
        words.add(word(chunk.toString()));
        return String.join(" ", words);
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
