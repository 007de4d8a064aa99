package eu.s3cop.stack.mail;

import com.fasterxml.jackson.databind.JsonNode;
import eu.s3cop.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Messages sent through the SES v2 {@code SendEmail} call, written as .eml files that any mail
 * program opens. A raw message is written byte for byte; a simple one is composed as SES would.
 */
public final class Outbox {

    private final Path folder;
    private final AtomicLong sequence = new AtomicLong();

    public Outbox(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StackException("Cannot create the outbox " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The messages in the outbox, oldest first. */
    public List<Path> messages() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new StackException("Cannot list the outbox " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores one SES v2 SendEmail request.
     *
     * @return the message id SES would answer with
     */
    public String send(JsonNode request) {
        String messageId = UUID.randomUUID().toString();
        JsonNode content = request.path("Content");
        byte[] message;
        if (content.has("Raw")) {
            message = Base64.getDecoder().decode(content.path("Raw").path("Data").asText());
        } else if (content.has("Simple")) {
            message = compose(request, content.path("Simple"), messageId).getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException("Content must hold Raw or Simple (templates are not supported locally)");
        }
        String name = String.format("%s-%06d-%s.eml",
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(ZonedDateTime.now()),
                sequence.incrementAndGet(), messageId.substring(0, 8));
        try {
            Files.write(folder.resolve(name), message, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new StackException("Cannot write to the outbox " + folder + ": " + e.getMessage(), e);
        }
        return messageId;
    }

    private static String compose(JsonNode request, JsonNode simple, String messageId) {
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(address -> to.add(address.asText()));
        List<String> cc = new ArrayList<>();
        request.path("Destination").path("CcAddresses").forEach(address -> cc.add(address.asText()));
        StringBuilder out = new StringBuilder();
        out.append("From: ").append(request.path("FromEmailAddress").asText()).append("\r\n");
        out.append("To: ").append(String.join(", ", to)).append("\r\n");
        if (!cc.isEmpty()) {
            out.append("Cc: ").append(String.join(", ", cc)).append("\r\n");
        }
        out.append("Subject: ").append(encodedWord(simple.path("Subject").path("Data").asText())).append("\r\n");
        out.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
        out.append("Message-ID: <").append(messageId).append("@local.s3cop>\r\n");
        out.append("MIME-Version: 1.0\r\n");
        JsonNode body = simple.path("Body");
        String text = body.path("Text").path("Data").asText(null);
        String html = body.path("Html").path("Data").asText(null);
        if (text != null && html != null) {
            String boundary = "=_" + messageId;
            out.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
            out.append("--").append(boundary).append("\r\n").append(part("text/plain", text));
            out.append("--").append(boundary).append("\r\n").append(part("text/html", html));
            out.append("--").append(boundary).append("--\r\n");
        } else {
            out.append(part(html != null ? "text/html" : "text/plain", html != null ? html : text == null ? "" : text));
        }
        return out.toString();
    }

    private static String part(String type, String content) {
        return "Content-Type: " + type + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** RFC 2047: a header with non-ASCII text travels as an encoded word. */
    private static String encodedWord(String text) {
        if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
