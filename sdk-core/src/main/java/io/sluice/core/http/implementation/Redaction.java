package io.sluice.core.http.implementation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that may reach a log line or an exception message: URL query values, JSON
 * string fields, credentials in URLs and {@code Authorization}-style values.
 *
 * <p>A name looks secret when it contains {@code token}, {@code password}, {@code secret}, {@code
 * sig} or ends in {@code key} ({@code api_key}, {@code accountKey}). The bare JSON field {@code
 * key} is kept: MLflow and Databricks use it for metric, param and tag names, and masking it would
 * make every batch log unreadable.
 *
 * <p>Some fields carry secrets or user data under plain names and are masked too: Databricks'
 * secret values ({@code string_value}, {@code bytes_value}), file bodies ({@code contents}, {@code
 * content}, {@code data}) and storage credentials in Spark configuration ({@code
 * fs.azure.account.key.*}, {@code fs.azure.sas.*}).
 */
public final class Redaction {
  /** What a masked value is replaced with. */
  public static final String MASK = "REDACTED";

  private static final String SECRET_FIELD =
      "[\\w.-]*(?:token|password|passwd|secret|sig|credential)[\\w.-]*|[\\w.-]+key"
          + "|string_value|bytes_value|contents?|data|fs\\.azure\\.(?:account\\.key|sas)\\.[\\w.-]*";
  private static final String SECRET_NAME = SECRET_FIELD + "|key";
  private static final Pattern QUERY_PARAM =
      Pattern.compile("([?&;](?i:" + SECRET_NAME + ")=)[^&#\\s\"']*");
  private static final Pattern JSON_FIELD =
      Pattern.compile("(\"(?i:" + SECRET_FIELD + ")\"\\s*:\\s*\")(?:[^\"\\\\]++|\\\\.)*+(\")");
  // Azure ML datastore secrets: {"secretsType": "AccountKey", "key": "..."}. The bare "key" is
  // kept elsewhere (see above), but inside a secrets object it is the storage account key.
  private static final Pattern SECRETS_OBJECT =
      Pattern.compile("\\{[^{}]*\"secretsType\"\\s*:[^{}]*}");
  private static final Pattern KEY_FIELD =
      Pattern.compile("(\"key\"\\s*:\\s*\")(?:[^\"\\\\]++|\\\\.)*+(\")");
  private static final Pattern URL_USERINFO = Pattern.compile("(://)[^/@\\s\"']+@");
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)((?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]+");

  private Redaction() {}

  /**
   * Masks every secret-looking value in the text.
   *
   * @param text a URL, a JSON body, a header value or a message; may be null
   * @return the text with secrets replaced by {@link #MASK}
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = replace(QUERY_PARAM, text, "$1" + MASK);
    result = replace(JSON_FIELD, result, "$1" + MASK + "$2");
    result = maskSecretsObjects(result);
    result = replace(URL_USERINFO, result, "$1" + MASK + "@");
    return replace(AUTH_SCHEME, result, "$1" + MASK);
  }

  /**
   * Whether a header's value must never be shown.
   *
   * @param name the header name
   * @return true for {@code Authorization}, cookies and secret-looking names
   */
  public static boolean isSecretHeader(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("authorization")
        || lower.contains("cookie")
        || lower.matches(SECRET_NAME);
  }

  private static String maskSecretsObjects(String text) {
    Matcher objects = SECRETS_OBJECT.matcher(text);
    if (!objects.find()) {
      return text;
    }
    objects.reset();
    StringBuilder result = new StringBuilder();
    while (objects.find()) {
      String masked = replace(KEY_FIELD, objects.group(), "$1" + MASK + "$2");
      objects.appendReplacement(result, Matcher.quoteReplacement(masked));
    }
    objects.appendTail(result);
    return result.toString();
  }

  private static String replace(Pattern pattern, String text, String replacement) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(replacement) : text;
  }
}
