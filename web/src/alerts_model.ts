// Cross-border alerts as GET /api/v1/alerts and the events stream give them.
export interface Alert {
  id: number;
  organisation: string;
  object_id: string;
  key: { kind: string; value: string | null };
  score: number;
  other: { organisation: string; visible: boolean; object_id?: string };
  created: string;
  acknowledged_by: string | null;
  acknowledged: string | null;
}

export interface DetailRequest {
  id: number;
  alert_id: number;
  direction?: 'incoming' | 'outgoing';
  requester: string;
  requested_by: string;
  holder: string;
  visible: boolean;
  object_id?: string;
  reason: string;
  state: string;
  created: string;
  decided_by: string | null;
  decided: string | null;
}
