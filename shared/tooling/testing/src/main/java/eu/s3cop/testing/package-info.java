/** Test fixtures: the local stack for a test class, and event files read through the Lambda runtime's serializer. */
package eu.s3cop.testing;
