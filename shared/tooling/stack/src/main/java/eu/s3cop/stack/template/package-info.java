/** Reading template.yaml: resources, functions and their triggers, and intrinsic functions resolved for the local stack. */
package eu.s3cop.stack.template;
