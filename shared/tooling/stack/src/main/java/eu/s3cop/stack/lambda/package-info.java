/** Running a function's handler as the Lambda Java runtime does: events in through the runtime's serializer, one handler instance per container. */
package eu.s3cop.stack.lambda;
