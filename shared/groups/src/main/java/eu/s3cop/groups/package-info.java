/** Working-group registries: who takes part in a group, when it meets and what it will produce. */
package eu.s3cop.groups;
