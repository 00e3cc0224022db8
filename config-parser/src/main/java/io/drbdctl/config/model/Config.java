package io.drbdctl.config.model;

import java.util.List;
import java.util.Optional;

/** A whole configuration: the main file (canonical path), global, common and the resources. */
public record Config(String file, Global global, Resource common, List<Resource> resources) {
    public Config {
        resources = List.copyOf(resources);
    }

    public Optional<Resource> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
