package org.causalrx.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Which top-level blocks a study file writes out, for settings that take effect only when asked for in the file
 * (a K-arm run's uncertainty deferral runs only with an explicit {@code deferral:} block, while {@link StudyLoader}
 * fills an absent block with defaults).
 */
public final class StudyBlocks {
    private StudyBlocks() {
    }

    /**
     * Whether the YAML file {@code studyFile} has the top-level key {@code key}; false when the file is missing or
     * unreadable (a study built in code).
     */
    public static boolean declares(Path studyFile, String key) {
        if (studyFile == null || !Files.isRegularFile(studyFile)) {
            return false;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(studyFile.toFile());
            return root != null && root.isObject() && root.has(key);
        } catch (IOException e) {
            return false;
        }
    }
}
