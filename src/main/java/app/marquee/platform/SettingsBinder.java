package app.marquee.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySources;
import org.springframework.stereotype.Component;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a module's {@code @ConfigurationProperties} record afresh, the way start-up binds it: same prefix,
 * same conversions ({@code 10s}, {@code 50GB}, comma-separated lists), unknown names refused where the record
 * says so, and the record's bean validation. A module re-reads its settings with it when its service is
 * restarted ({@link ConfigurationChanged}); the configuration API binds candidate values with it before storing
 * them, so a value start-up would refuse is never stored.
 *
 * <p>Thread-safe.
 */
@Component
public final class SettingsBinder {

    private final ConfigurableEnvironment environment;
    private final SpringValidatorAdapter validator;

    public SettingsBinder(ConfigurableEnvironment environment, jakarta.validation.Validator validator) {
        this.environment = environment;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * The record bound from the application's environment as it is now.
     *
     * @throws org.springframework.boot.context.properties.bind.BindException when a value does not convert or
     *     validate; its message names the property
     */
    public <T> T bind(Class<T> type) {
        return bind(type, environment.getPropertySources());
    }

    /** The record bound from these property sources, first source winning, as in an environment. */
    public <T> T bind(Class<T> type, PropertySources sources) {
        ConfigurationProperties annotation = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not a @ConfigurationProperties type");
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources), ApplicationConversionService.getSharedInstance());
        BindHandler handler = new IgnoreTopLevelConverterNotFoundBindHandler();
        if (!annotation.ignoreUnknownFields()) {
            handler = new NoUnboundElementsBindHandler(handler);
        }
        handler = new ValidationBindHandler(handler, validator);
        return binder.bindOrCreate(annotation.prefix(), Bindable.of(type).withBindMethod(BindMethod.VALUE_OBJECT), handler);
    }
}
