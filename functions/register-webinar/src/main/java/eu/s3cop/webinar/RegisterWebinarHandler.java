package eu.s3cop.webinar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Registers the webinar files the secretariat uploads under webinars/. */
public final class RegisterWebinarHandler implements RequestHandler<S3Event, Void> {

    private final WebinarRegistrar registrar;

    public RegisterWebinarHandler() {
        this(System.getenv());
    }

    public RegisterWebinarHandler(Map<String, String> environment) {
        this(registrar(FunctionEnvironment.of(environment)));
    }

    RegisterWebinarHandler(WebinarRegistrar registrar) {
        this.registrar = registrar;
    }

    private static WebinarRegistrar registrar(FunctionEnvironment environment) {
        AwsClients clients = AwsClients.from(environment);
        List<String> groups = Arrays.stream(environment.optional("WORKING_GROUPS",
                "innovation-diffusion,industrial-transition,interregional-cooperation").split(","))
                .map(String::strip).filter(group -> !group.isEmpty()).toList();
        String webinars = environment.required("WEBINARS_TABLE");
        CatalogueSite site = new CatalogueSite(clients.s3(), clients.dynamoDb(), environment.required("PUBLICATIONS_TABLE"), webinars,
                environment.required("SITE_BUCKET"), groups, Clock.systemUTC());
        return new WebinarRegistrar(clients.s3(), new DynamoDbWebinarStore(clients.dynamoDb(), webinars),
                groups, environment.required("UPLOADS_BUCKET"), environment.required("PUBLICATIONS_BUCKET"), site,
                environment.required("SENDER_ADDRESS"), Clock.systemUTC());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            long started = System.nanoTime();
            WebinarRegistrar.Result result = registrar.register(record.getS3().getBucket().getName(), key, record.getS3().getObject().geteTag());
            context.getLogger().log(result + " " + key + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        }
        return null;
    }
}
