/** The local stack's command line: {@code up} runs the whole system on one machine. */
package eu.s3cop.local;
