package app.marquee.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.stereotype.Component;

import app.marquee.accounts.AccountKeys;
import app.marquee.accounts.AccountsProperties;

/**
 * Access tokens: HS256 JWTs (Nimbus through Spring Security) carrying the user id ({@code sub}), email,
 * role and session id ({@code sid}). Verification accepts only HS256 under Marquee's key ({@code alg: none}
 * and other algorithms are refused by the decoder), from issuer {@code marquee}, within their lifetime.
 *
 * <p>Thread-safe.
 */
@Component
public class AccessTokens {

    static final String ISSUER = "marquee";
    /** Leeway for clocks of several nodes; small against the 15 min lifetime. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(AccountKeys keys, AccountsProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(keys.jwtSecret(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        this.lifetime = properties.accessTokenTtl();
        this.clock = clock;
    }

    /** The claims of a verified access token. */
    public record Claims(String userId, String sessionId, Instant expiresAt) {
    }

    public String issue(User user, String sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.getId())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("email", user.getEmail())
                .claim("role", user.getRole().value())
                .claim("sid", sessionId)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** The claims of a valid token; empty for anything forged, expired, malformed or from elsewhere. */
    public Optional<Claims> verify(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            String sessionId = jwt.getClaimAsString("sid");
            if (jwt.getSubject() == null || sessionId == null || jwt.getExpiresAt() == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(jwt.getSubject(), sessionId, jwt.getExpiresAt()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
