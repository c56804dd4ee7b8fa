export const STATUS_NAMES: Record<string, { vi: string; en: string }> = {
  on_track: { vi: 'Đúng lộ trình', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  off_track: { vi: 'Chậm so với lộ trình', en: 'Off track' },
  achieved: { vi: 'Đã đạt', en: 'Achieved' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};
