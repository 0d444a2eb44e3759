package kz.senim.training.activities.domain;

public enum AttendanceStatus {
    PRESENT,
    ABSENT,
    EXCUSED
}
