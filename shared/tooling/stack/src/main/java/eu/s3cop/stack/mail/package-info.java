/** The local stand-in for Amazon SES: each message sent through the SES v2 API lands as an .eml file in the outbox folder. */
package eu.s3cop.stack.mail;
