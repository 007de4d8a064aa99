package eu.s3cop.core;

/** A function was started with a missing or unusable setting. */
public final class ConfigurationException extends S3CopException {

    public ConfigurationException(String variable, String received, String fix) {
        super(message(variable, received, fix));
    }

    public ConfigurationException(String variable, String received, String fix, Throwable cause) {
        super(message(variable, received, fix), cause);
    }

    private static String message(String variable, String received, String fix) {
        String got = received == null ? "it is not set" : "got '" + received + "'";
        return "Environment variable " + variable + " is unusable: " + got + "; " + fix + ".";
    }
}
