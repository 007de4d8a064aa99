package eu.s3cop.stack.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.s3cop.stack.StackException;
import eu.s3cop.stack.template.LocalResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Messages sent through the SES v2 {@code SendEmail} call, written as .eml files that any mail
 * program opens. A raw message is written byte for byte; a simple one is composed as SES would.
 *
 * <p>SES's mailbox simulator is honoured as SES honours it: a message sent with a configuration
 * set to {@code bounce@simulator.amazonses.com} or {@code complaint@simulator.amazonses.com}
 * (a {@code +label} allowed) is answered by the bounce or complaint event SES would publish to
 * EventBridge, handed to {@code feedback}.
 */
public final class Outbox {

    private static final Pattern SIMULATOR = Pattern.compile("(bounce|complaint)(\\+[^@]*)?@simulator\\.amazonses\\.com", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final AtomicLong sequence = new AtomicLong();
    private final Consumer<String> feedback;
    private final String region;

    public Outbox(Path folder) {
        this(folder, event -> { }, "eu-west-1");
    }

    /**
     * @param feedback takes the EventBridge events of SES's bounces and complaints, as JSON
     * @param region the region events say they come from
     */
    public Outbox(Path folder, Consumer<String> feedback, String region) {
        this.folder = folder;
        this.feedback = feedback;
        this.region = region;
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
        String configurationSet = request.path("ConfigurationSetName").asText("");
        if (!configurationSet.isEmpty()) {
            for (JsonNode address : request.path("Destination").path("ToAddresses")) {
                Matcher simulated = SIMULATOR.matcher(address.asText());
                if (simulated.matches()) {
                    feedback.accept(event(simulated.group(1).equalsIgnoreCase("bounce"), address.asText(), request, configurationSet, messageId));
                }
            }
        }
        return messageId;
    }

    /** The event SES publishes to EventBridge for a permanent bounce or a complaint of one recipient. */
    private String event(boolean bounce, String recipient, JsonNode request, String configurationSet, String messageId) {
        String now = Instant.now().toString();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", bounce ? "Email Bounced" : "Email Complaint Received").put("source", "aws.ses")
                .put("account", LocalResolver.ACCOUNT_ID).put("time", now).put("region", region).putArray("resources");
        ObjectNode detail = event.putObject("detail");
        detail.put("eventType", bounce ? "Bounce" : "Complaint");
        ObjectNode mail = detail.putObject("mail");
        mail.put("timestamp", now).put("source", request.path("FromEmailAddress").asText()).put("messageId", messageId);
        mail.putArray("destination").add(recipient);
        mail.putObject("tags").putArray("ses:configuration-set").add(configurationSet);
        if (bounce) {
            ObjectNode details = detail.putObject("bounce").put("bounceType", "Permanent").put("bounceSubType", "General")
                    .put("timestamp", now).put("feedbackId", UUID.randomUUID().toString());
            details.putArray("bouncedRecipients").addObject().put("emailAddress", recipient).put("action", "failed")
                    .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
        } else {
            ObjectNode details = detail.putObject("complaint").put("complaintFeedbackType", "abuse")
                    .put("timestamp", now).put("feedbackId", UUID.randomUUID().toString());
            details.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
        }
        return event.toString();
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
