// The results of issue 4 (src/Deliberation.Api/Features/Results/ResultContracts.cs and Features/Live), as the UI reads them.

export interface VoteTally { a: number; d: number; p: number; s: number }
export interface MapPoint { x: number; y: number }

export interface RepresentativeView { statementId: number; direction: 'agree' | 'disagree'; percent: number; inGroup: VoteTally }
export interface GroupView { id: number; label: string; size: number; x: number; y: number; hull: MapPoint[]; representative: RepresentativeView[] }
export interface BaseClusterView { id: number; x: number; y: number; size: number; group: number | null }
export interface BridgingView { statementId: number; groupInformedConsensus: number; groupAgreePercent: number[]; intercept: number; factor: number; status: string }
export interface ConsensusView { statementId: number; percent: number; votes: VoteTally }
export interface UncertaintyView { statementId: number; passPercent: number; votes: VoteTally }
export interface PolarisationView {
  betweenGroupVarianceShare: number;
  meanSilhouette: number;
  firstComponentVarianceShare: number;
  mapVarianceShare: number;
  meanDivergence: number;
  divisiveStatementShare: number;
}
export interface BridgingScore { intercept: number; factor: number; raters: number; status: string }
export interface StatementStatsView {
  statementId: number;
  number: number;
  text: string;
  isMeta: boolean;
  votes: VoteTally;
  groupVotes: VoteTally[];
  groupInformedConsensusAgree: number;
  groupInformedConsensusDisagree: number;
  bridging: BridgingScore;
  extremity: number;
  priority: number;
}

export interface ResultsView {
  conversationId: string;
  tick: number;
  watermark: number;
  computedAt: string;
  counts: { participants: number; votes: number; statements: number; inConv: number };
  k: number;
  groups: GroupView[];
  baseClusters: BaseClusterView[];
  bridging: BridgingView[];
  majorityAgree: ConsensusView[];
  majorityDisagree: ConsensusView[];
  uncertainty: UncertaintyView[];
  polarisation: PolarisationView;
  statements: StatementStatsView[] | null;
}

export interface MyResultsView { tick: number; hasVoted: boolean; isClustered: boolean; x: number | null; y: number | null; group: number | null; groupLabel: string | null }

export interface PolarisationPoint {
  tick: number;
  at: string;
  participants: number;
  votes: number;
  k: number;
  groupSizes: number[];
  betweenGroupVarianceShare: number;
  meanSilhouette: number;
  meanDivergence: number;
  bridgingStatements: number;
}
export interface PolarisationRateView { betweenGroupVarianceShare: number | null; meanSilhouette: number | null; meanDivergence: number | null }
export interface PolarisationSeriesView { windowMinutes: number; ratePerMinute: PolarisationRateView; points: PolarisationPoint[] }

export interface StatementAddedPush { conversationId: string; statement: import('./contracts').StatementView }
export interface StatementModeratedPush { conversationId: string; statementId: number; moderation: string; isMeta: boolean; visible: boolean }
export interface VoteTalliesPush { conversationId: string; watermark: number; participants: number; votes: number }
export interface SeriesPointPush { conversationId: string; point: PolarisationPoint; ratePerMinute: PolarisationRateView }
