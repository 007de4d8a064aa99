/** A local AWS stack: real S3 protocol and DynamoDB servers on loopback, wired to the functions as template.yaml says. */
package eu.s3cop.stack;
