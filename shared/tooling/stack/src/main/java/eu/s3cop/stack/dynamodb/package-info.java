/** The local DynamoDB endpoint: AWS's own DynamoDB Local engine, served on 127.0.0.1, with the template's tables. */
package eu.s3cop.stack.dynamodb;
