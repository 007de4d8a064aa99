/** What every function shares: its environment, read once at the edge, and the AWS clients built from it. */
package eu.s3cop.core;
