//! TaskService: the tasks reports set for their coming periods.

use baocao_proto::pb;
use baocao_proto::pb::task_service_server::TaskService;
use baocao_store::{Store, TaskFilter};
use tonic::{Request, Response, Status};

use super::{Api, reply};
use crate::convert::report_task;
use crate::error::{ApiError, ApiResult};
use crate::request::{optional, period, required, topic};

impl<S: Store + Clone + 'static> Api<S> {
    async fn list_tasks(&self, r: pb::ListTasksRequest) -> ApiResult<pb::ListTasksResponse> {
        let pb::ListTasksRequest {
            page_size,
            page_token,
            issuer,
            period_start,
            period_end,
            topic: topic_code,
            text,
            document_number,
            document_type,
        } = r;
        let page = self.paging.page(page_size, page_token)?;
        let filter = TaskFilter {
            issuer: optional(issuer),
            period: period(&period_start, &period_end)?,
            topic: topic(topic_code)?,
            text: optional(text),
            document_number: optional(document_number),
            document_type: optional(document_type),
        };
        let page = self.store.list_tasks(&filter, &page).await?;
        Ok(pb::ListTasksResponse {
            tasks: page.items.into_iter().map(report_task).collect(),
            next_page_token: page.next_token.unwrap_or_default(),
        })
    }

    async fn get_task(&self, r: pb::GetTaskRequest) -> ApiResult<pb::GetTaskResponse> {
        let pb::GetTaskRequest { report_id, ordinal } = r;
        let report_id = required("report_id", report_id)?;
        if ordinal == 0 {
            return Err(ApiError::invalid(
                "ordinal",
                "required: tasks are numbered from 1, found 0",
            ));
        }
        let task = self.store.get_task(&report_id, ordinal).await?;
        Ok(pb::GetTaskResponse {
            task: Some(report_task(task)),
        })
    }
}

#[tonic::async_trait]
impl<S: Store + Clone + 'static> TaskService for Api<S> {
    async fn list_tasks(
        &self,
        request: Request<pb::ListTasksRequest>,
    ) -> Result<Response<pb::ListTasksResponse>, Status> {
        reply(Api::list_tasks(self, request.into_inner()).await)
    }

    async fn get_task(
        &self,
        request: Request<pb::GetTaskRequest>,
    ) -> Result<Response<pb::GetTaskResponse>, Status> {
        reply(Api::get_task(self, request.into_inner()).await)
    }
}
