package eu.s3cop.webinar.store;

import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The bounds on what strangers can make the registration form do: requests per webinar and
 * minute, so a flood is answered "try again" and costs little, and link emails per mailbox and
 * day, so nobody can have us write to an address over and over. The counts live in the webinars
 * table and expire with its time to live.
 *
 * @param table the table's name, as the template names it to the function
 */
public record RegistrationLimits(DynamoDbClient dynamoDb, String table) {

    /** Registration requests one webinar takes in a minute; more get "try again" (429). */
    public static final int REQUESTS_PER_MINUTE = 120;
    /** Link emails one address gets in a UTC day, over all webinars: bounds what a stranger can have us send. */
    public static final int LINKS_PER_ADDRESS_A_DAY = 10;

    /**
     * Counts a registration request for the webinar in the current minute; false when the
     * webinar has had {@link #REQUESTS_PER_MINUTE} already. Counted per webinar, whoever asks and
     * for whichever address, so the answer says nothing about an address. The count expires
     * with the table's time to live.
     */
    public boolean withinRate(String webinarId, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, RegistrationItems.rateKey(minute)))
                    .updateExpression("ADD #r :one SET #e = :expires")
                    .conditionExpression("attribute_not_exists(#r) OR #r < :max")
                    .expressionAttributeNames(Map.of("#r", "requests", "#e", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(REQUESTS_PER_MINUTE)),
                            ":expires", epoch(minute.plus(Duration.ofHours(1))))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /**
     * Counts a link email to the address's mailbox, in the transaction of the request that sends
     * it: refused once the mailbox had {@link #LINKS_PER_ADDRESS_A_DAY} today, which cancels the request.
     */
    TransactWriteItem linkCounted(String email, Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(RegistrationItems.linksKey(email, day))
                .updateExpression("ADD #n :one SET #e = :expires").conditionExpression("attribute_not_exists(#n) OR #n < :max")
                .expressionAttributeNames(Map.of("#n", "links", "#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(LINKS_PER_ADDRESS_A_DAY)),
                        ":expires", epoch(day.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC))))).build();
    }
}
