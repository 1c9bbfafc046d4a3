import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  SocialAttentionCount,
  SocialAttentionPost,
  SocialPostView,
  SocialPreview,
  SocialResolutionPreviewQueryDto,
  StaffRole,
} from '@vigie/common';
import { Auth, CurrentStaff } from '../../../common/auth.decorators';
import type { StaffActor } from '../../../common/staff-actor';
import { SocialPostsService } from './social-posts.service';

const Id = () => Param('id', new ParseUUIDPipe());

/**
 * What approval will post, and what was posted: the review queue shows the preview beside the
 * appeal's own (a revision, an update or rumour correction), the resolution form beside its outcome; the PIO sees each post's state, what needs them across appeals, and tries a failed
 * post or takedown again.
 */
@ApiTags('reach')
@Controller('api/reach/social')
export class SocialPostsController {
  constructor(private readonly posts: SocialPostsService) {}

  @Get('appeals/:id/preview')
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  preview(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<SocialPreview> {
    return this.posts.preview(staff, id);
  }

  @Get('appeals/:id/updates/:updateId/preview')
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  updatePreview(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('updateId', new ParseUUIDPipe()) updateId: string,
  ): Promise<SocialPreview> {
    return this.posts.updatePreview(staff, id, updateId);
  }

  @Get('appeals/:id/resolution/preview')
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  resolutionPreview(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Query() query: SocialResolutionPreviewQueryDto,
  ): Promise<SocialPreview> {
    return this.posts.resolutionPreview(staff, id, query.outcome);
  }

  @Get('appeals/:id/posts')
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  list(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<SocialPostView[]> {
    return this.posts.ofAppeal(staff, id);
  }

  /** Failed posts and takedowns, and posts still up on a disconnected account, across appeals. */
  @Get('posts/attention')
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  attention(@CurrentStaff() staff: StaffActor): Promise<SocialAttentionPost[]> {
    return this.posts.attention(staff);
  }

  /** How many posts `posts/attention` lists, for the desk's navigation (the same roles). */
  @Get('posts/attention/count')
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  attentionCount(@CurrentStaff() staff: StaffActor): Promise<SocialAttentionCount> {
    return this.posts.attentionCount(staff);
  }

  @Post('posts/:id/retry')
  @HttpCode(200)
  @Auth(StaffRole.SUPERVISOR, StaffRole.PIO)
  retry(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<SocialPostView> {
    return this.posts.retry(staff, id);
  }
}
