package eu.s3cop.doi;

import eu.s3cop.stack.lambda.FunctionCode;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.testing.ProjectFiles;
import java.util.Set;

/**
 * The DOI registration again, with register-dois run from its deployment package in a class
 * loader of its own: what the package lacks fails here as it would on Lambda.
 */
class RegisterDoisPackageIntegrationTest extends RegisterDoisIntegrationTest {

    @Override
    StackSettings code(StackSettings settings) {
        return settings.withCode(FunctionCode.packages(ProjectFiles.root(), Set.of("register-dois"), Thread.currentThread().getContextClassLoader()));
    }
}
