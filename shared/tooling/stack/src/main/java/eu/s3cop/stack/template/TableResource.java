package eu.s3cop.stack.template;

import java.util.Map;

/** A DynamoDB table of the template, with its CloudFormation properties as written. */
public record TableResource(String logicalId, String localName, Map<String, Object> properties) {
}
