import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DuplicateDecisionDto, StaffRole } from '@vigie/common';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { ClusterDecisionsService } from './cluster-decisions.service';
import { ClusterViewsService } from './cluster-views.service';
import type {
  ClusterView,
  DuplicateDecisionResult,
  DuplicatesView,
  MergeResult,
  RejectionResult,
  UnmergeResult,
} from '@vigie/common';
import { DuplicateDecisionsService } from './duplicate-decisions.service';
import { DuplicatesService } from './duplicates.service';
import { MergeTipsDto } from './dtos/merge-tips.dto';
import { NotDuplicateDto } from './dtos/not-duplicate.dto';

/** Who reads suggestions and clusters, and who decides on them. */
const READERS = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.ANALYST];
const DECIDERS = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR];

const Id = (name = 'id') => Param(name, new ParseUUIDPipe());

@ApiTags('duplicates')
@Controller('api/tips')
export class DedupeController {
  constructor(
    private readonly duplicates: DuplicatesService,
    private readonly decisions: ClusterDecisionsService,
    private readonly clusters: ClusterViewsService,
    private readonly many: DuplicateDecisionsService,
  ) {}

  /** Many duplicates at once (a whole group from the inbox): merged, or separated; all or nothing, tip by tip results. */
  @Post('duplicates/decisions')
  @Auth(...DECIDERS)
  @HttpCode(200)
  decide(
    @CurrentStaff() staff: StaffActor,
    @Body() dto: DuplicateDecisionDto,
  ): Promise<DuplicateDecisionResult> {
    return this.many.decide(staff, dto);
  }

  @Get('clusters/:clusterId')
  @Auth(...READERS)
  cluster(@CurrentStaff() staff: StaffActor, @Id('clusterId') clusterId: string): Promise<ClusterView> {
    return this.clusters.cluster(staff, clusterId);
  }

  /** Likely duplicates of a tip, best first, each with the reasons and enough to compare side by side. */
  @Get(':id/duplicates')
  @Auth(...READERS)
  duplicatesOf(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<DuplicatesView> {
    return this.duplicates.duplicatesOf(staff, id);
  }

  @Get(':id/cluster')
  @Auth(...READERS)
  clusterOf(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<ClusterView> {
    return this.clusters.clusterOfTip(staff, id);
  }

  /** Confirms duplicates: they join this tip's cluster (see README.md for tips already in another). */
  @Post(':id/merge')
  @Auth(...DECIDERS)
  @HttpCode(200)
  merge(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: MergeTipsDto,
  ): Promise<MergeResult> {
    return this.decisions.merge(staff, id, dto.duplicateIds, dto.mergeClusters ?? false);
  }

  @Post(':id/unmerge')
  @Auth(...DECIDERS)
  @HttpCode(200)
  unmerge(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<UnmergeResult> {
    return this.decisions.unmerge(staff, id);
  }

  @Post(':id/not-duplicate')
  @Auth(...DECIDERS)
  @HttpCode(200)
  notDuplicate(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: NotDuplicateDto,
  ): Promise<RejectionResult> {
    return this.decisions.rejectPair(staff, id, dto.otherId);
  }
}
