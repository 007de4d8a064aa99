/**
 * The register-dois function: registers each publication's and each version's DOI with DataCite,
 * where the deployer gave the stack a DataCite repository.
 */
package eu.s3cop.doi;
