package dev.zimclient.spring.boot;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.ZimApis;
import java.beans.Introspector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * One bean per generated API interface ({@code roomApi}, {@code userApi}, ...), each made by the
 * context's {@link ZimClient}; an interface the application already has a bean of is left alone.
 * The interfaces come from {@link ZimApis}, so a new tag of the spec needs no change here.
 */
class ZimApiBeans implements ImportBeanDefinitionRegistrar, BeanFactoryAware {
  private BeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    for (Class<?> api : ZimApis.all()) {
      if (registry instanceof ListableBeanFactory beans && beans.getBeanNamesForType(api, true, false).length > 0) {
        continue;
      }
      String name = Introspector.decapitalize(api.getSimpleName());
      if (!registry.containsBeanDefinition(name)) {
        registry.registerBeanDefinition(name, definition(api));
      }
    }
  }

  private <T> RootBeanDefinition definition(Class<T> api) {
    RootBeanDefinition definition = new RootBeanDefinition(api, () -> beanFactory.getBean(ZimClient.class).create(api));
    definition.setDescription("ZimClient.create(" + api.getSimpleName() + ".class)");
    return definition;
  }
}
