/** The local S3 endpoint: s3proxy with SigV4 on, emitting ObjectCreated and ObjectRemoved events as S3 does. */
package eu.s3cop.stack.s3;
