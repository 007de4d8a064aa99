package eu.s3cop.stack.template;

/**
 * An S3 bucket of the template.
 *
 * @param nameExpression the template's {@code BucketName} as written (often a {@code Fn::Sub}), so
 *     that the same expression elsewhere in the template resolves to this bucket's local name
 */
public record BucketResource(String logicalId, String localName, Object nameExpression) {
}
