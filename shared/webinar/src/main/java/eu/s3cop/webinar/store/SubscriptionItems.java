package eu.s3cop.webinar.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How subscriptions to news of publications lie in the webinars table, beside registrations (the
 * table of visitors' addresses and of every email sent to them), for every class that reads or
 * writes them:
 * <ul>
 *   <li>{@code NEWS#<scope>} / {@code SUB#<sha256 of the mailbox>}: a subscription to every new
 *       publication ({@code all}) or to one working group's (its code), with its address, how
 *       often ({@code each} or {@code weekly}), its state and its token; and
 *       {@code NOTIFY#<same hash>}, whose arrival on the stream has its link emailed now;</li>
 *   <li>{@code NEWS#TOKEN#<token>} / {@code TOKEN}: the subscription an emailed link names;</li>
 *   <li>{@code NEWS#SENT#<hash>} / {@code <publication>#v<N>} or {@code DIGEST#<monday>}: the
 *       claim that a mailbox was sent a version's announcement or a week's digest, once;</li>
 *   <li>{@code NEWS#WEEK#<monday>} / {@code <listed at>#<publication>#v<N>}: what was published
 *       in a week, for its digests; {@code NEWS#DIGEST} / {@code <monday>}: that week's digests
 *       are all sent; {@code NEWS#RATE} / {@code RATE#<minute>}: the links sent in a minute.</li>
 * </ul>
 */
final class SubscriptionItems {

    static final String PARTITION = "NEWS#";
    static final String SUBSCRIPTION = "SUB#";
    static final String PENDING = "pending";
    static final String CONFIRMED = "confirmed";
    /** Where {@link RegistrationLimits#linkCounted} counts the links of subscriptions: a subject no webinar's id can be. */
    static final String LINK_SUBJECT = "#news";
    private static final String NOTIFY = "NOTIFY#";

    private SubscriptionItems() {
    }

    static Map<String, AttributeValue> key(String partition, String sortKey) {
        return Map.of("pk", AttributeValue.fromS(partition), "sk", AttributeValue.fromS(sortKey));
    }

    static String scopePartition(String scope) {
        return PARTITION + scope;
    }

    static Map<String, AttributeValue> subscriptionKey(String scope, String subscriber) {
        return key(scopePartition(scope), SUBSCRIPTION + subscriber);
    }

    static Map<String, AttributeValue> tokenKey(String token) {
        return key(PARTITION + "TOKEN#" + token, "TOKEN");
    }

    static Map<String, AttributeValue> notifyKey(String scope, String subscriber) {
        return key(scopePartition(scope), NOTIFY + subscriber);
    }

    /** The subscription whose link a stream record's keys ask to be emailed; empty for any other item. */
    static Optional<NewsDeliveries.LinkRequest> notified(String partitionKey, String sortKey) {
        if (partitionKey == null || sortKey == null || !partitionKey.startsWith(PARTITION) || !sortKey.startsWith(NOTIFY)) {
            return Optional.empty();
        }
        return Optional.of(new NewsDeliveries.LinkRequest(partitionKey.substring(PARTITION.length()), sortKey.substring(NOTIFY.length())));
    }

    static Map<String, AttributeValue> sentKey(String subscriber, String what) {
        return key(PARTITION + "SENT#" + subscriber, what);
    }

    static String announcement(String publicationId, int version) {
        return publicationId + "#v" + version;
    }

    static String digest(LocalDate monday) {
        return "DIGEST#" + monday;
    }

    static String weekPartition(LocalDate monday) {
        return PARTITION + "WEEK#" + monday;
    }

    static String weekEntry(Instant listedAt, String publicationId, int version) {
        return listedAt + "#" + announcement(publicationId, version);
    }

    static Map<String, AttributeValue> digestDoneKey(LocalDate monday) {
        return key(PARTITION + "DIGEST", monday.toString());
    }

    static Map<String, AttributeValue> rateKey(Instant minute) {
        return key(PARTITION + "RATE", "RATE#" + minute);
    }
}
