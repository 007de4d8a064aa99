/** Schedule expressions as EventBridge reads them: rate(...) and six-field cron(...), in UTC. */
package eu.s3cop.stack.schedule;
