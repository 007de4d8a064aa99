package eu.s3cop.webinar.store;

import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;

import eu.s3cop.core.ConfigurationException;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.core.Items;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The bounds on what strangers can make the registration form do. Each is counted in the webinars
 * table, expires with its time to live, and counts only what it bounds:
 * <ul>
 *   <li>requests per client and minute, every request, so one script repeating itself is told
 *       "try again" and holds back nobody else;
 *   <li>link emails per webinar and minute, per mailbox and day, per domain and day and in all
 *       per day: counted in the transaction that sends the link, so a request that sends nothing
 *       (a repeat of one address) uses none of them.
 * </ul>
 * A mailbox always gets its first link about a webinar on a day, whatever its count for the day:
 * a stranger who asks for ten links for {@code victim+1@} ... {@code victim+10@} cannot keep the
 * person from registering elsewhere, and every link asked for went to the person's own inbox.
 *
 * @param table the table's name, as the template names it to the function
 */
public record RegistrationLimits(DynamoDbClient dynamoDb, String table, Caps caps) {

    /** Link emails one webinar sends in a minute; more requests get "try again" (429). */
    public static final int REQUESTS_PER_MINUTE = 120;
    /** Link emails one mailbox gets in a UTC day, over all webinars, beyond its first about each. */
    public static final int LINKS_PER_ADDRESS_A_DAY = 10;

    /**
     * The bounds a deployment sets (template parameters), so that a large event can raise them.
     *
     * @param requestsPerClientAMinute registration requests one client address may send in a minute
     * @param linksPerDomainADay link emails to the addresses of one domain in a UTC day: bounds a catch-all domain
     * @param linksADay link emails in all in a UTC day: keeps the sending account within its quota and reputation
     * @param placesPerDomain places (held, offered or waited for in line) the addresses of one domain may have at one event
     *     with a limited capacity, so that a domain that takes every name cannot fill it; 0 for no such cap
     */
    public record Caps(int requestsPerClientAMinute, int linksPerDomainADay, int linksADay, int placesPerDomain) {

        public static final Caps DEFAULTS = new Caps(10, 200, 2000, 20);

        public static Caps from(FunctionEnvironment environment) {
            return new Caps(bounded(environment, "REQUESTS_PER_CLIENT_A_MINUTE", DEFAULTS.requestsPerClientAMinute, 1, 1000),
                    bounded(environment, "LINKS_PER_DOMAIN_A_DAY", DEFAULTS.linksPerDomainADay, 1, 1_000_000),
                    bounded(environment, "LINKS_A_DAY", DEFAULTS.linksADay, 1, 10_000_000),
                    bounded(environment, "PLACES_PER_DOMAIN", DEFAULTS.placesPerDomain, 0, 100_000));
        }

        private static int bounded(FunctionEnvironment environment, String name, int fallback, int min, int max) {
            int value = environment.integer(name, fallback);
            if (value < min || value > max) {
                throw new ConfigurationException(name, String.valueOf(value), "use " + min + " to " + max);
            }
            return value;
        }
    }

    /** Which bound refused a link: each is answered in its own words, none of them about the address. */
    public enum Refusal {
        /** The webinar sent {@link #REQUESTS_PER_MINUTE} links this minute. */
        WEBINAR_BUSY,
        /** Addresses at the domain had {@link Caps#linksPerDomainADay} links today. */
        DOMAIN_DAY,
        /** {@link Caps#linksADay} links went out today. */
        ALL_DAY
    }

    /**
     * Counts a registration request from the client (its network address) in the current minute;
     * false once the client sent {@link Caps#requestsPerClientAMinute} in the last minute. Counted
     * before the request is judged: this bound is on the client, not on what it asks for. The last
     * minute slides: the previous minute's count weighs as much as that minute still overlaps it,
     * so a burst across the turn of a minute gets no second allowance.
     */
    public boolean clientWithinRate(String client, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        long before = Items.item(dynamoDb, table, RegistrationItems.clientRequestsKey(client, minute.minus(Duration.ofMinutes(1))))
                .map(item -> Items.number(item, "requests")).orElse(0L);
        double overlap = 1 - Duration.between(minute, now).toMillis() / 60_000.0;
        long allowed = caps.requestsPerClientAMinute() - (long) Math.floor(before * overlap);
        if (allowed <= 0) {
            return false;
        }
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(RegistrationItems.clientRequestsKey(client, minute))
                    .updateExpression("ADD #r :one SET #e = :expires")
                    .conditionExpression("attribute_not_exists(#r) OR #r < :max")
                    .expressionAttributeNames(Map.of("#r", "requests", "#e", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(allowed)),
                            ":expires", epoch(minute.plus(Duration.ofHours(1))))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /**
     * The writes that count a link email, for the transaction of the request that sends it, and
     * the check that its mailbox never bounced or complained; refused (which cancels the request)
     * when any bound is reached. In order: the webinar's minute, the mailbox's count about the
     * webinar, the mailbox's day, the domain's day, the day in all, the suppression check.
     */
    List<TransactWriteItem> linkCounted(String webinarId, String email, Instant now) {
        return linkCounted(key(webinarId, RegistrationItems.rateKey(now.truncatedTo(ChronoUnit.MINUTES))), webinarId, email, now);
    }

    /**
     * The same writes for a link about {@code subject} (a webinar's id, or what else a mailbox may
     * ask links about, such as news by email), whose links of the minute are counted at {@code minuteKey}.
     */
    List<TransactWriteItem> linkCounted(Map<String, AttributeValue> minuteKey, String subject, String email, Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        AttributeValue dayExpires = epoch(day.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, AttributeValue> aboutWebinar = RegistrationItems.linksKey(email, day, subject);
        boolean first = Items.item(dynamoDb, table, aboutWebinar).isEmpty();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        return List.of(
                counted(minuteKey, "requests", REQUESTS_PER_MINUTE, epoch(minute.plus(Duration.ofHours(1)))),
                // The first about a webinar on a day is the mailbox's whatever else it had: counted, never refused.
                first ? TransactWriteItem.builder().update(update -> update.tableName(table).key(aboutWebinar)
                        .updateExpression("ADD #n :one SET #e = :expires").conditionExpression("attribute_not_exists(#n)")
                        .expressionAttributeNames(Map.of("#n", "links", "#e", EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":expires", dayExpires))).build()
                        : counted(aboutWebinar, "links", Integer.MAX_VALUE, dayExpires),
                first ? counted(RegistrationItems.linksKey(email, day, null), "links", Integer.MAX_VALUE, dayExpires)
                        : counted(RegistrationItems.linksKey(email, day, null), "links", LINKS_PER_ADDRESS_A_DAY, dayExpires),
                counted(RegistrationItems.domainLinksKey(email, day), "links", caps.linksPerDomainADay(), dayExpires),
                counted(RegistrationItems.allLinksKey(day), "links", caps.linksADay(), dayExpires),
                TransactWriteItem.builder().conditionCheck(check -> check.tableName(table).key(RegistrationItems.suppressedKey(email))
                        .conditionExpression("attribute_not_exists(pk)")).build());
    }

    /** The bound that refused a cancelled request whose {@link #linkCounted} writes begin at {@code offset}; null when none did. */
    static Refusal refusal(TransactionCanceledException cancelled, int offset) {
        if (Items.conditionFailed(cancelled, offset)) {
            return Refusal.WEBINAR_BUSY;
        }
        if (Items.conditionFailed(cancelled, offset + 4)) {
            return Refusal.ALL_DAY;
        }
        if (Items.conditionFailed(cancelled, offset + 3)) {
            return Refusal.DOMAIN_DAY;
        }
        return null;
    }

    private TransactWriteItem counted(Map<String, AttributeValue> key, String attribute, int max, AttributeValue expires) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key)
                .updateExpression("ADD #n :one SET #e = :expires").conditionExpression("attribute_not_exists(#n) OR #n < :max")
                .expressionAttributeNames(Map.of("#n", attribute, "#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(max)),
                        ":expires", expires))).build();
    }
}
