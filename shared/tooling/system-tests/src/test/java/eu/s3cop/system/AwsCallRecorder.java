package eu.s3cop.system;

import eu.s3cop.stack.lambda.FunctionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Records every AWS call a function makes in the local stack, as the IAM actions and resources
 * it needs on AWS. Loaded by the SDK from this module's test class path (the SDK's global
 * interceptor list), so it sees every client the functions build, without them knowing.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    /** One IAM permission a call needs: the action, on any one of the resources. */
    public record Need(String function, String action, List<String> resources, String call) {
    }

    private static final List<Need> NEEDS = new CopyOnWriteArrayList<>();

    public static List<Need> needs() {
        return List.copyOf(NEEDS);
    }

    public static void add(Need need) {
        NEEDS.add(need);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes, context.httpResponse().statusCode());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        int status = context.exception() instanceof SdkServiceException service ? service.statusCode() : 0;
        record(context.request(), attributes, status);
    }

    private static void record(SdkRequest request, ExecutionAttributes attributes, int status) {
        Optional<String> function = FunctionRunner.running();
        if (function.isEmpty()) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String call = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + operation + " -> " + status;
        for (Need need : needsOf(function.get(), request, status, call)) {
            NEEDS.add(need);
        }
    }

    private static List<Need> needsOf(String function, SdkRequest request, int status, String call) {
        List<Need> needs = new ArrayList<>();
        if (request instanceof GetObjectRequest get) {
            needs.add(s3Object(function, get.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion", get.bucket(), get.key(), call));
            missing(needs, function, status, get.bucket(), call);
        } else if (request instanceof HeadObjectRequest head) {
            needs.add(s3Object(function, head.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion", head.bucket(), head.key(), call));
            missing(needs, function, status, head.bucket(), call);
        } else if (request instanceof PutObjectRequest put) {
            needs.add(s3Object(function, "s3:PutObject", put.bucket(), put.key(), call));
        } else if (request instanceof CopyObjectRequest copy) {
            // A copy reads its source and writes its destination, each under its own permission. By now the SDK has
            // turned the source's bucket and key into the x-amz-copy-source header's "bucket/key", URL-encoded.
            String source = copy.sourceBucket() != null ? copy.sourceBucket() + "/" + copy.sourceKey()
                    : java.net.URLDecoder.decode(copy.copySource().split("\\?versionId=")[0], java.nio.charset.StandardCharsets.UTF_8);
            String sourceBucket = source.substring(0, source.indexOf('/'));
            boolean versioned = copy.sourceVersionId() != null || copy.copySource() != null && copy.copySource().contains("?versionId=");
            needs.add(s3Object(function, versioned ? "s3:GetObjectVersion" : "s3:GetObject", sourceBucket, source.substring(source.indexOf('/') + 1), call));
            needs.add(s3Object(function, "s3:PutObject", copy.destinationBucket(), copy.destinationKey(), call));
            missing(needs, function, status, sourceBucket, call);
        } else if (request instanceof DeleteObjectRequest delete) {
            needs.add(s3Object(function, delete.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion", delete.bucket(), delete.key(), call));
        } else if (request instanceof GetItemRequest get) {
            needs.add(table(function, "dynamodb:GetItem", get.tableName(), null, call));
        } else if (request instanceof PutItemRequest put) {
            needs.add(table(function, "dynamodb:PutItem", put.tableName(), null, call));
        } else if (request instanceof UpdateItemRequest update) {
            needs.add(table(function, "dynamodb:UpdateItem", update.tableName(), null, call));
        } else if (request instanceof DeleteItemRequest delete) {
            needs.add(table(function, "dynamodb:DeleteItem", delete.tableName(), null, call));
        } else if (request instanceof QueryRequest query) {
            needs.add(table(function, "dynamodb:Query", query.tableName(), query.indexName(), call));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    needs.add(table(function, "dynamodb:PutItem", item.put().tableName(), null, call));
                } else if (item.update() != null) {
                    needs.add(table(function, "dynamodb:UpdateItem", item.update().tableName(), null, call));
                } else if (item.delete() != null) {
                    needs.add(table(function, "dynamodb:DeleteItem", item.delete().tableName(), null, call));
                } else if (item.conditionCheck() != null) {
                    needs.add(table(function, "dynamodb:ConditionCheckItem", item.conditionCheck().tableName(), null, call));
                }
            }
        } else if (request instanceof SendEmailRequest email) {
            // SES authorises against the identity that sends: the address, or its verified domain.
            String from = email.fromEmailAddress();
            String domain = from.substring(from.indexOf('@') + 1);
            needs.add(new Need(function, "ses:SendEmail", List.of(ses("identity/" + from), ses("identity/" + domain)), call));
            // A configuration set named in the call is a second resource SES authorises.
            if (email.configurationSetName() != null) {
                needs.add(new Need(function, "ses:SendEmail", List.of(ses("configuration-set/" + email.configurationSetName())), call));
            }
        } else {
            // A call this recorder cannot translate fails the policy test rather than pass unseen.
            needs.add(new Need(function, "unrecorded:" + request.getClass().getSimpleName(), List.of("*"), call));
        }
        return needs;
    }

    /** Without s3:ListBucket, S3 answers a missing key with 403, not the 404 the functions expect. */
    private static void missing(List<Need> needs, String function, int status, String bucket, String call) {
        if (status == 404) {
            needs.add(new Need(function, "s3:ListBucket", List.of("arn:aws:s3:::" + bucket), call));
        }
    }

    private static Need s3Object(String function, String action, String bucket, String key, String call) {
        return new Need(function, action, List.of("arn:aws:s3:::" + bucket + "/" + key), call);
    }

    private static Need table(String function, String action, String table, String index, String call) {
        String arn = "arn:aws:dynamodb:" + WholeSystemIntegrationTest.REGION + ":" + WholeSystemIntegrationTest.ACCOUNT + ":table/" + table;
        return new Need(function, action, List.of(index == null ? arn : arn + "/index/" + index), call);
    }

    private static String ses(String resource) {
        return "arn:aws:ses:" + WholeSystemIntegrationTest.REGION + ":" + WholeSystemIntegrationTest.ACCOUNT + ":" + resource;
    }
}
